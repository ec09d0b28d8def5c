import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ClientLibrarySettings as _google_api_ClientLibrarySettings, ClientLibrarySettings__Output as _google_api_ClientLibrarySettings__Output } from './google/api/ClientLibrarySettings';
import type { CommonLanguageSettings as _google_api_CommonLanguageSettings, CommonLanguageSettings__Output as _google_api_CommonLanguageSettings__Output } from './google/api/CommonLanguageSettings';
import type { CppSettings as _google_api_CppSettings, CppSettings__Output as _google_api_CppSettings__Output } from './google/api/CppSettings';
import type { CustomHttpPattern as _google_api_CustomHttpPattern, CustomHttpPattern__Output as _google_api_CustomHttpPattern__Output } from './google/api/CustomHttpPattern';
import type { DotnetSettings as _google_api_DotnetSettings, DotnetSettings__Output as _google_api_DotnetSettings__Output } from './google/api/DotnetSettings';
import type { GoSettings as _google_api_GoSettings, GoSettings__Output as _google_api_GoSettings__Output } from './google/api/GoSettings';
import type { Http as _google_api_Http, Http__Output as _google_api_Http__Output } from './google/api/Http';
import type { HttpRule as _google_api_HttpRule, HttpRule__Output as _google_api_HttpRule__Output } from './google/api/HttpRule';
import type { JavaSettings as _google_api_JavaSettings, JavaSettings__Output as _google_api_JavaSettings__Output } from './google/api/JavaSettings';
import type { MethodSettings as _google_api_MethodSettings, MethodSettings__Output as _google_api_MethodSettings__Output } from './google/api/MethodSettings';
import type { NodeSettings as _google_api_NodeSettings, NodeSettings__Output as _google_api_NodeSettings__Output } from './google/api/NodeSettings';
import type { PhpSettings as _google_api_PhpSettings, PhpSettings__Output as _google_api_PhpSettings__Output } from './google/api/PhpSettings';
import type { Publishing as _google_api_Publishing, Publishing__Output as _google_api_Publishing__Output } from './google/api/Publishing';
import type { PythonSettings as _google_api_PythonSettings, PythonSettings__Output as _google_api_PythonSettings__Output } from './google/api/PythonSettings';
import type { RubySettings as _google_api_RubySettings, RubySettings__Output as _google_api_RubySettings__Output } from './google/api/RubySettings';
import type { SelectiveGapicGeneration as _google_api_SelectiveGapicGeneration, SelectiveGapicGeneration__Output as _google_api_SelectiveGapicGeneration__Output } from './google/api/SelectiveGapicGeneration';
import type { AggregationResult as _google_firestore_v1_AggregationResult, AggregationResult__Output as _google_firestore_v1_AggregationResult__Output } from './google/firestore/v1/AggregationResult';
import type { ArrayValue as _google_firestore_v1_ArrayValue, ArrayValue__Output as _google_firestore_v1_ArrayValue__Output } from './google/firestore/v1/ArrayValue';
import type { BatchGetDocumentsRequest as _google_firestore_v1_BatchGetDocumentsRequest, BatchGetDocumentsRequest__Output as _google_firestore_v1_BatchGetDocumentsRequest__Output } from './google/firestore/v1/BatchGetDocumentsRequest';
import type { BatchGetDocumentsResponse as _google_firestore_v1_BatchGetDocumentsResponse, BatchGetDocumentsResponse__Output as _google_firestore_v1_BatchGetDocumentsResponse__Output } from './google/firestore/v1/BatchGetDocumentsResponse';
import type { BatchWriteRequest as _google_firestore_v1_BatchWriteRequest, BatchWriteRequest__Output as _google_firestore_v1_BatchWriteRequest__Output } from './google/firestore/v1/BatchWriteRequest';
import type { BatchWriteResponse as _google_firestore_v1_BatchWriteResponse, BatchWriteResponse__Output as _google_firestore_v1_BatchWriteResponse__Output } from './google/firestore/v1/BatchWriteResponse';
import type { BeginTransactionRequest as _google_firestore_v1_BeginTransactionRequest, BeginTransactionRequest__Output as _google_firestore_v1_BeginTransactionRequest__Output } from './google/firestore/v1/BeginTransactionRequest';
import type { BeginTransactionResponse as _google_firestore_v1_BeginTransactionResponse, BeginTransactionResponse__Output as _google_firestore_v1_BeginTransactionResponse__Output } from './google/firestore/v1/BeginTransactionResponse';
import type { BitSequence as _google_firestore_v1_BitSequence, BitSequence__Output as _google_firestore_v1_BitSequence__Output } from './google/firestore/v1/BitSequence';
import type { BloomFilter as _google_firestore_v1_BloomFilter, BloomFilter__Output as _google_firestore_v1_BloomFilter__Output } from './google/firestore/v1/BloomFilter';
import type { CommitRequest as _google_firestore_v1_CommitRequest, CommitRequest__Output as _google_firestore_v1_CommitRequest__Output } from './google/firestore/v1/CommitRequest';
import type { CommitResponse as _google_firestore_v1_CommitResponse, CommitResponse__Output as _google_firestore_v1_CommitResponse__Output } from './google/firestore/v1/CommitResponse';
import type { CreateDocumentRequest as _google_firestore_v1_CreateDocumentRequest, CreateDocumentRequest__Output as _google_firestore_v1_CreateDocumentRequest__Output } from './google/firestore/v1/CreateDocumentRequest';
import type { Cursor as _google_firestore_v1_Cursor, Cursor__Output as _google_firestore_v1_Cursor__Output } from './google/firestore/v1/Cursor';
import type { DeleteDocumentRequest as _google_firestore_v1_DeleteDocumentRequest, DeleteDocumentRequest__Output as _google_firestore_v1_DeleteDocumentRequest__Output } from './google/firestore/v1/DeleteDocumentRequest';
import type { Document as _google_firestore_v1_Document, Document__Output as _google_firestore_v1_Document__Output } from './google/firestore/v1/Document';
import type { DocumentChange as _google_firestore_v1_DocumentChange, DocumentChange__Output as _google_firestore_v1_DocumentChange__Output } from './google/firestore/v1/DocumentChange';
import type { DocumentDelete as _google_firestore_v1_DocumentDelete, DocumentDelete__Output as _google_firestore_v1_DocumentDelete__Output } from './google/firestore/v1/DocumentDelete';
import type { DocumentMask as _google_firestore_v1_DocumentMask, DocumentMask__Output as _google_firestore_v1_DocumentMask__Output } from './google/firestore/v1/DocumentMask';
import type { DocumentRemove as _google_firestore_v1_DocumentRemove, DocumentRemove__Output as _google_firestore_v1_DocumentRemove__Output } from './google/firestore/v1/DocumentRemove';
import type { DocumentTransform as _google_firestore_v1_DocumentTransform, DocumentTransform__Output as _google_firestore_v1_DocumentTransform__Output } from './google/firestore/v1/DocumentTransform';
import type { ExecutionStats as _google_firestore_v1_ExecutionStats, ExecutionStats__Output as _google_firestore_v1_ExecutionStats__Output } from './google/firestore/v1/ExecutionStats';
import type { ExistenceFilter as _google_firestore_v1_ExistenceFilter, ExistenceFilter__Output as _google_firestore_v1_ExistenceFilter__Output } from './google/firestore/v1/ExistenceFilter';
import type { ExplainMetrics as _google_firestore_v1_ExplainMetrics, ExplainMetrics__Output as _google_firestore_v1_ExplainMetrics__Output } from './google/firestore/v1/ExplainMetrics';
import type { ExplainOptions as _google_firestore_v1_ExplainOptions, ExplainOptions__Output as _google_firestore_v1_ExplainOptions__Output } from './google/firestore/v1/ExplainOptions';
import type { FirestoreClient as _google_firestore_v1_FirestoreClient, FirestoreDefinition as _google_firestore_v1_FirestoreDefinition } from './google/firestore/v1/Firestore';
import type { GetDocumentRequest as _google_firestore_v1_GetDocumentRequest, GetDocumentRequest__Output as _google_firestore_v1_GetDocumentRequest__Output } from './google/firestore/v1/GetDocumentRequest';
import type { ListCollectionIdsRequest as _google_firestore_v1_ListCollectionIdsRequest, ListCollectionIdsRequest__Output as _google_firestore_v1_ListCollectionIdsRequest__Output } from './google/firestore/v1/ListCollectionIdsRequest';
import type { ListCollectionIdsResponse as _google_firestore_v1_ListCollectionIdsResponse, ListCollectionIdsResponse__Output as _google_firestore_v1_ListCollectionIdsResponse__Output } from './google/firestore/v1/ListCollectionIdsResponse';
import type { ListDocumentsRequest as _google_firestore_v1_ListDocumentsRequest, ListDocumentsRequest__Output as _google_firestore_v1_ListDocumentsRequest__Output } from './google/firestore/v1/ListDocumentsRequest';
import type { ListDocumentsResponse as _google_firestore_v1_ListDocumentsResponse, ListDocumentsResponse__Output as _google_firestore_v1_ListDocumentsResponse__Output } from './google/firestore/v1/ListDocumentsResponse';
import type { ListenRequest as _google_firestore_v1_ListenRequest, ListenRequest__Output as _google_firestore_v1_ListenRequest__Output } from './google/firestore/v1/ListenRequest';
import type { ListenResponse as _google_firestore_v1_ListenResponse, ListenResponse__Output as _google_firestore_v1_ListenResponse__Output } from './google/firestore/v1/ListenResponse';
import type { MapValue as _google_firestore_v1_MapValue, MapValue__Output as _google_firestore_v1_MapValue__Output } from './google/firestore/v1/MapValue';
import type { PartitionQueryRequest as _google_firestore_v1_PartitionQueryRequest, PartitionQueryRequest__Output as _google_firestore_v1_PartitionQueryRequest__Output } from './google/firestore/v1/PartitionQueryRequest';
import type { PartitionQueryResponse as _google_firestore_v1_PartitionQueryResponse, PartitionQueryResponse__Output as _google_firestore_v1_PartitionQueryResponse__Output } from './google/firestore/v1/PartitionQueryResponse';
import type { PlanSummary as _google_firestore_v1_PlanSummary, PlanSummary__Output as _google_firestore_v1_PlanSummary__Output } from './google/firestore/v1/PlanSummary';
import type { Precondition as _google_firestore_v1_Precondition, Precondition__Output as _google_firestore_v1_Precondition__Output } from './google/firestore/v1/Precondition';
import type { RollbackRequest as _google_firestore_v1_RollbackRequest, RollbackRequest__Output as _google_firestore_v1_RollbackRequest__Output } from './google/firestore/v1/RollbackRequest';
import type { RunAggregationQueryRequest as _google_firestore_v1_RunAggregationQueryRequest, RunAggregationQueryRequest__Output as _google_firestore_v1_RunAggregationQueryRequest__Output } from './google/firestore/v1/RunAggregationQueryRequest';
import type { RunAggregationQueryResponse as _google_firestore_v1_RunAggregationQueryResponse, RunAggregationQueryResponse__Output as _google_firestore_v1_RunAggregationQueryResponse__Output } from './google/firestore/v1/RunAggregationQueryResponse';
import type { RunQueryRequest as _google_firestore_v1_RunQueryRequest, RunQueryRequest__Output as _google_firestore_v1_RunQueryRequest__Output } from './google/firestore/v1/RunQueryRequest';
import type { RunQueryResponse as _google_firestore_v1_RunQueryResponse, RunQueryResponse__Output as _google_firestore_v1_RunQueryResponse__Output } from './google/firestore/v1/RunQueryResponse';
import type { StructuredAggregationQuery as _google_firestore_v1_StructuredAggregationQuery, StructuredAggregationQuery__Output as _google_firestore_v1_StructuredAggregationQuery__Output } from './google/firestore/v1/StructuredAggregationQuery';
import type { StructuredQuery as _google_firestore_v1_StructuredQuery, StructuredQuery__Output as _google_firestore_v1_StructuredQuery__Output } from './google/firestore/v1/StructuredQuery';
import type { Target as _google_firestore_v1_Target, Target__Output as _google_firestore_v1_Target__Output } from './google/firestore/v1/Target';
import type { TargetChange as _google_firestore_v1_TargetChange, TargetChange__Output as _google_firestore_v1_TargetChange__Output } from './google/firestore/v1/TargetChange';
import type { TransactionOptions as _google_firestore_v1_TransactionOptions, TransactionOptions__Output as _google_firestore_v1_TransactionOptions__Output } from './google/firestore/v1/TransactionOptions';
import type { UpdateDocumentRequest as _google_firestore_v1_UpdateDocumentRequest, UpdateDocumentRequest__Output as _google_firestore_v1_UpdateDocumentRequest__Output } from './google/firestore/v1/UpdateDocumentRequest';
import type { Value as _google_firestore_v1_Value, Value__Output as _google_firestore_v1_Value__Output } from './google/firestore/v1/Value';
import type { Write as _google_firestore_v1_Write, Write__Output as _google_firestore_v1_Write__Output } from './google/firestore/v1/Write';
import type { WriteRequest as _google_firestore_v1_WriteRequest, WriteRequest__Output as _google_firestore_v1_WriteRequest__Output } from './google/firestore/v1/WriteRequest';
import type { WriteResponse as _google_firestore_v1_WriteResponse, WriteResponse__Output as _google_firestore_v1_WriteResponse__Output } from './google/firestore/v1/WriteResponse';
import type { WriteResult as _google_firestore_v1_WriteResult, WriteResult__Output as _google_firestore_v1_WriteResult__Output } from './google/firestore/v1/WriteResult';
import type { Any as _google_protobuf_Any, Any__Output as _google_protobuf_Any__Output } from './google/protobuf/Any';
import type { BoolValue as _google_protobuf_BoolValue, BoolValue__Output as _google_protobuf_BoolValue__Output } from './google/protobuf/BoolValue';
import type { BytesValue as _google_protobuf_BytesValue, BytesValue__Output as _google_protobuf_BytesValue__Output } from './google/protobuf/BytesValue';
import type { DescriptorProto as _google_protobuf_DescriptorProto, DescriptorProto__Output as _google_protobuf_DescriptorProto__Output } from './google/protobuf/DescriptorProto';
import type { DoubleValue as _google_protobuf_DoubleValue, DoubleValue__Output as _google_protobuf_DoubleValue__Output } from './google/protobuf/DoubleValue';
import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from './google/protobuf/Duration';
import type { Empty as _google_protobuf_Empty, Empty__Output as _google_protobuf_Empty__Output } from './google/protobuf/Empty';
import type { EnumDescriptorProto as _google_protobuf_EnumDescriptorProto, EnumDescriptorProto__Output as _google_protobuf_EnumDescriptorProto__Output } from './google/protobuf/EnumDescriptorProto';
import type { EnumOptions as _google_protobuf_EnumOptions, EnumOptions__Output as _google_protobuf_EnumOptions__Output } from './google/protobuf/EnumOptions';
import type { EnumValueDescriptorProto as _google_protobuf_EnumValueDescriptorProto, EnumValueDescriptorProto__Output as _google_protobuf_EnumValueDescriptorProto__Output } from './google/protobuf/EnumValueDescriptorProto';
import type { EnumValueOptions as _google_protobuf_EnumValueOptions, EnumValueOptions__Output as _google_protobuf_EnumValueOptions__Output } from './google/protobuf/EnumValueOptions';
import type { ExtensionRangeOptions as _google_protobuf_ExtensionRangeOptions, ExtensionRangeOptions__Output as _google_protobuf_ExtensionRangeOptions__Output } from './google/protobuf/ExtensionRangeOptions';
import type { FeatureSet as _google_protobuf_FeatureSet, FeatureSet__Output as _google_protobuf_FeatureSet__Output } from './google/protobuf/FeatureSet';
import type { FeatureSetDefaults as _google_protobuf_FeatureSetDefaults, FeatureSetDefaults__Output as _google_protobuf_FeatureSetDefaults__Output } from './google/protobuf/FeatureSetDefaults';
import type { FieldDescriptorProto as _google_protobuf_FieldDescriptorProto, FieldDescriptorProto__Output as _google_protobuf_FieldDescriptorProto__Output } from './google/protobuf/FieldDescriptorProto';
import type { FieldOptions as _google_protobuf_FieldOptions, FieldOptions__Output as _google_protobuf_FieldOptions__Output } from './google/protobuf/FieldOptions';
import type { FileDescriptorProto as _google_protobuf_FileDescriptorProto, FileDescriptorProto__Output as _google_protobuf_FileDescriptorProto__Output } from './google/protobuf/FileDescriptorProto';
import type { FileDescriptorSet as _google_protobuf_FileDescriptorSet, FileDescriptorSet__Output as _google_protobuf_FileDescriptorSet__Output } from './google/protobuf/FileDescriptorSet';
import type { FileOptions as _google_protobuf_FileOptions, FileOptions__Output as _google_protobuf_FileOptions__Output } from './google/protobuf/FileOptions';
import type { FloatValue as _google_protobuf_FloatValue, FloatValue__Output as _google_protobuf_FloatValue__Output } from './google/protobuf/FloatValue';
import type { GeneratedCodeInfo as _google_protobuf_GeneratedCodeInfo, GeneratedCodeInfo__Output as _google_protobuf_GeneratedCodeInfo__Output } from './google/protobuf/GeneratedCodeInfo';
import type { Int32Value as _google_protobuf_Int32Value, Int32Value__Output as _google_protobuf_Int32Value__Output } from './google/protobuf/Int32Value';
import type { Int64Value as _google_protobuf_Int64Value, Int64Value__Output as _google_protobuf_Int64Value__Output } from './google/protobuf/Int64Value';
import type { ListValue as _google_protobuf_ListValue, ListValue__Output as _google_protobuf_ListValue__Output } from './google/protobuf/ListValue';
import type { MessageOptions as _google_protobuf_MessageOptions, MessageOptions__Output as _google_protobuf_MessageOptions__Output } from './google/protobuf/MessageOptions';
import type { MethodDescriptorProto as _google_protobuf_MethodDescriptorProto, MethodDescriptorProto__Output as _google_protobuf_MethodDescriptorProto__Output } from './google/protobuf/MethodDescriptorProto';
import type { MethodOptions as _google_protobuf_MethodOptions, MethodOptions__Output as _google_protobuf_MethodOptions__Output } from './google/protobuf/MethodOptions';
import type { OneofDescriptorProto as _google_protobuf_OneofDescriptorProto, OneofDescriptorProto__Output as _google_protobuf_OneofDescriptorProto__Output } from './google/protobuf/OneofDescriptorProto';
import type { OneofOptions as _google_protobuf_OneofOptions, OneofOptions__Output as _google_protobuf_OneofOptions__Output } from './google/protobuf/OneofOptions';
import type { ServiceDescriptorProto as _google_protobuf_ServiceDescriptorProto, ServiceDescriptorProto__Output as _google_protobuf_ServiceDescriptorProto__Output } from './google/protobuf/ServiceDescriptorProto';
import type { ServiceOptions as _google_protobuf_ServiceOptions, ServiceOptions__Output as _google_protobuf_ServiceOptions__Output } from './google/protobuf/ServiceOptions';
import type { SourceCodeInfo as _google_protobuf_SourceCodeInfo, SourceCodeInfo__Output as _google_protobuf_SourceCodeInfo__Output } from './google/protobuf/SourceCodeInfo';
import type { StringValue as _google_protobuf_StringValue, StringValue__Output as _google_protobuf_StringValue__Output } from './google/protobuf/StringValue';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from './google/protobuf/Struct';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { UInt32Value as _google_protobuf_UInt32Value, UInt32Value__Output as _google_protobuf_UInt32Value__Output } from './google/protobuf/UInt32Value';
import type { UInt64Value as _google_protobuf_UInt64Value, UInt64Value__Output as _google_protobuf_UInt64Value__Output } from './google/protobuf/UInt64Value';
import type { UninterpretedOption as _google_protobuf_UninterpretedOption, UninterpretedOption__Output as _google_protobuf_UninterpretedOption__Output } from './google/protobuf/UninterpretedOption';
import type { Value as _google_protobuf_Value, Value__Output as _google_protobuf_Value__Output } from './google/protobuf/Value';
import type { Status as _google_rpc_Status, Status__Output as _google_rpc_Status__Output } from './google/rpc/Status';
import type { LatLng as _google_type_LatLng, LatLng__Output as _google_type_LatLng__Output } from './google/type/LatLng';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    api: {
      ClientLibraryDestination: EnumTypeDefinition
      ClientLibraryOrganization: EnumTypeDefinition
      ClientLibrarySettings: MessageTypeDefinition<_google_api_ClientLibrarySettings, _google_api_ClientLibrarySettings__Output>
      CommonLanguageSettings: MessageTypeDefinition<_google_api_CommonLanguageSettings, _google_api_CommonLanguageSettings__Output>
      CppSettings: MessageTypeDefinition<_google_api_CppSettings, _google_api_CppSettings__Output>
      CustomHttpPattern: MessageTypeDefinition<_google_api_CustomHttpPattern, _google_api_CustomHttpPattern__Output>
      DotnetSettings: MessageTypeDefinition<_google_api_DotnetSettings, _google_api_DotnetSettings__Output>
      FieldBehavior: EnumTypeDefinition
      GoSettings: MessageTypeDefinition<_google_api_GoSettings, _google_api_GoSettings__Output>
      Http: MessageTypeDefinition<_google_api_Http, _google_api_Http__Output>
      HttpRule: MessageTypeDefinition<_google_api_HttpRule, _google_api_HttpRule__Output>
      JavaSettings: MessageTypeDefinition<_google_api_JavaSettings, _google_api_JavaSettings__Output>
      LaunchStage: EnumTypeDefinition
      MethodSettings: MessageTypeDefinition<_google_api_MethodSettings, _google_api_MethodSettings__Output>
      NodeSettings: MessageTypeDefinition<_google_api_NodeSettings, _google_api_NodeSettings__Output>
      PhpSettings: MessageTypeDefinition<_google_api_PhpSettings, _google_api_PhpSettings__Output>
      Publishing: MessageTypeDefinition<_google_api_Publishing, _google_api_Publishing__Output>
      PythonSettings: MessageTypeDefinition<_google_api_PythonSettings, _google_api_PythonSettings__Output>
      RubySettings: MessageTypeDefinition<_google_api_RubySettings, _google_api_RubySettings__Output>
      SelectiveGapicGeneration: MessageTypeDefinition<_google_api_SelectiveGapicGeneration, _google_api_SelectiveGapicGeneration__Output>
    }
    firestore: {
      v1: {
        AggregationResult: MessageTypeDefinition<_google_firestore_v1_AggregationResult, _google_firestore_v1_AggregationResult__Output>
        ArrayValue: MessageTypeDefinition<_google_firestore_v1_ArrayValue, _google_firestore_v1_ArrayValue__Output>
        BatchGetDocumentsRequest: MessageTypeDefinition<_google_firestore_v1_BatchGetDocumentsRequest, _google_firestore_v1_BatchGetDocumentsRequest__Output>
        BatchGetDocumentsResponse: MessageTypeDefinition<_google_firestore_v1_BatchGetDocumentsResponse, _google_firestore_v1_BatchGetDocumentsResponse__Output>
        BatchWriteRequest: MessageTypeDefinition<_google_firestore_v1_BatchWriteRequest, _google_firestore_v1_BatchWriteRequest__Output>
        BatchWriteResponse: MessageTypeDefinition<_google_firestore_v1_BatchWriteResponse, _google_firestore_v1_BatchWriteResponse__Output>
        BeginTransactionRequest: MessageTypeDefinition<_google_firestore_v1_BeginTransactionRequest, _google_firestore_v1_BeginTransactionRequest__Output>
        BeginTransactionResponse: MessageTypeDefinition<_google_firestore_v1_BeginTransactionResponse, _google_firestore_v1_BeginTransactionResponse__Output>
        BitSequence: MessageTypeDefinition<_google_firestore_v1_BitSequence, _google_firestore_v1_BitSequence__Output>
        BloomFilter: MessageTypeDefinition<_google_firestore_v1_BloomFilter, _google_firestore_v1_BloomFilter__Output>
        CommitRequest: MessageTypeDefinition<_google_firestore_v1_CommitRequest, _google_firestore_v1_CommitRequest__Output>
        CommitResponse: MessageTypeDefinition<_google_firestore_v1_CommitResponse, _google_firestore_v1_CommitResponse__Output>
        CreateDocumentRequest: MessageTypeDefinition<_google_firestore_v1_CreateDocumentRequest, _google_firestore_v1_CreateDocumentRequest__Output>
        Cursor: MessageTypeDefinition<_google_firestore_v1_Cursor, _google_firestore_v1_Cursor__Output>
        DeleteDocumentRequest: MessageTypeDefinition<_google_firestore_v1_DeleteDocumentRequest, _google_firestore_v1_DeleteDocumentRequest__Output>
        Document: MessageTypeDefinition<_google_firestore_v1_Document, _google_firestore_v1_Document__Output>
        DocumentChange: MessageTypeDefinition<_google_firestore_v1_DocumentChange, _google_firestore_v1_DocumentChange__Output>
        DocumentDelete: MessageTypeDefinition<_google_firestore_v1_DocumentDelete, _google_firestore_v1_DocumentDelete__Output>
        DocumentMask: MessageTypeDefinition<_google_firestore_v1_DocumentMask, _google_firestore_v1_DocumentMask__Output>
        DocumentRemove: MessageTypeDefinition<_google_firestore_v1_DocumentRemove, _google_firestore_v1_DocumentRemove__Output>
        DocumentTransform: MessageTypeDefinition<_google_firestore_v1_DocumentTransform, _google_firestore_v1_DocumentTransform__Output>
        ExecutionStats: MessageTypeDefinition<_google_firestore_v1_ExecutionStats, _google_firestore_v1_ExecutionStats__Output>
        ExistenceFilter: MessageTypeDefinition<_google_firestore_v1_ExistenceFilter, _google_firestore_v1_ExistenceFilter__Output>
        ExplainMetrics: MessageTypeDefinition<_google_firestore_v1_ExplainMetrics, _google_firestore_v1_ExplainMetrics__Output>
        ExplainOptions: MessageTypeDefinition<_google_firestore_v1_ExplainOptions, _google_firestore_v1_ExplainOptions__Output>
        Firestore: SubtypeConstructor<typeof grpc.Client, _google_firestore_v1_FirestoreClient> & { service: _google_firestore_v1_FirestoreDefinition }
        GetDocumentRequest: MessageTypeDefinition<_google_firestore_v1_GetDocumentRequest, _google_firestore_v1_GetDocumentRequest__Output>
        ListCollectionIdsRequest: MessageTypeDefinition<_google_firestore_v1_ListCollectionIdsRequest, _google_firestore_v1_ListCollectionIdsRequest__Output>
        ListCollectionIdsResponse: MessageTypeDefinition<_google_firestore_v1_ListCollectionIdsResponse, _google_firestore_v1_ListCollectionIdsResponse__Output>
        ListDocumentsRequest: MessageTypeDefinition<_google_firestore_v1_ListDocumentsRequest, _google_firestore_v1_ListDocumentsRequest__Output>
        ListDocumentsResponse: MessageTypeDefinition<_google_firestore_v1_ListDocumentsResponse, _google_firestore_v1_ListDocumentsResponse__Output>
        ListenRequest: MessageTypeDefinition<_google_firestore_v1_ListenRequest, _google_firestore_v1_ListenRequest__Output>
        ListenResponse: MessageTypeDefinition<_google_firestore_v1_ListenResponse, _google_firestore_v1_ListenResponse__Output>
        MapValue: MessageTypeDefinition<_google_firestore_v1_MapValue, _google_firestore_v1_MapValue__Output>
        PartitionQueryRequest: MessageTypeDefinition<_google_firestore_v1_PartitionQueryRequest, _google_firestore_v1_PartitionQueryRequest__Output>
        PartitionQueryResponse: MessageTypeDefinition<_google_firestore_v1_PartitionQueryResponse, _google_firestore_v1_PartitionQueryResponse__Output>
        PlanSummary: MessageTypeDefinition<_google_firestore_v1_PlanSummary, _google_firestore_v1_PlanSummary__Output>
        Precondition: MessageTypeDefinition<_google_firestore_v1_Precondition, _google_firestore_v1_Precondition__Output>
        RollbackRequest: MessageTypeDefinition<_google_firestore_v1_RollbackRequest, _google_firestore_v1_RollbackRequest__Output>
        RunAggregationQueryRequest: MessageTypeDefinition<_google_firestore_v1_RunAggregationQueryRequest, _google_firestore_v1_RunAggregationQueryRequest__Output>
        RunAggregationQueryResponse: MessageTypeDefinition<_google_firestore_v1_RunAggregationQueryResponse, _google_firestore_v1_RunAggregationQueryResponse__Output>
        RunQueryRequest: MessageTypeDefinition<_google_firestore_v1_RunQueryRequest, _google_firestore_v1_RunQueryRequest__Output>
        RunQueryResponse: MessageTypeDefinition<_google_firestore_v1_RunQueryResponse, _google_firestore_v1_RunQueryResponse__Output>
        StructuredAggregationQuery: MessageTypeDefinition<_google_firestore_v1_StructuredAggregationQuery, _google_firestore_v1_StructuredAggregationQuery__Output>
        StructuredQuery: MessageTypeDefinition<_google_firestore_v1_StructuredQuery, _google_firestore_v1_StructuredQuery__Output>
        Target: MessageTypeDefinition<_google_firestore_v1_Target, _google_firestore_v1_Target__Output>
        TargetChange: MessageTypeDefinition<_google_firestore_v1_TargetChange, _google_firestore_v1_TargetChange__Output>
        TransactionOptions: MessageTypeDefinition<_google_firestore_v1_TransactionOptions, _google_firestore_v1_TransactionOptions__Output>
        UpdateDocumentRequest: MessageTypeDefinition<_google_firestore_v1_UpdateDocumentRequest, _google_firestore_v1_UpdateDocumentRequest__Output>
        Value: MessageTypeDefinition<_google_firestore_v1_Value, _google_firestore_v1_Value__Output>
        Write: MessageTypeDefinition<_google_firestore_v1_Write, _google_firestore_v1_Write__Output>
        WriteRequest: MessageTypeDefinition<_google_firestore_v1_WriteRequest, _google_firestore_v1_WriteRequest__Output>
        WriteResponse: MessageTypeDefinition<_google_firestore_v1_WriteResponse, _google_firestore_v1_WriteResponse__Output>
        WriteResult: MessageTypeDefinition<_google_firestore_v1_WriteResult, _google_firestore_v1_WriteResult__Output>
      }
    }
    protobuf: {
      Any: MessageTypeDefinition<_google_protobuf_Any, _google_protobuf_Any__Output>
      BoolValue: MessageTypeDefinition<_google_protobuf_BoolValue, _google_protobuf_BoolValue__Output>
      BytesValue: MessageTypeDefinition<_google_protobuf_BytesValue, _google_protobuf_BytesValue__Output>
      DescriptorProto: MessageTypeDefinition<_google_protobuf_DescriptorProto, _google_protobuf_DescriptorProto__Output>
      DoubleValue: MessageTypeDefinition<_google_protobuf_DoubleValue, _google_protobuf_DoubleValue__Output>
      Duration: MessageTypeDefinition<_google_protobuf_Duration, _google_protobuf_Duration__Output>
      Edition: EnumTypeDefinition
      Empty: MessageTypeDefinition<_google_protobuf_Empty, _google_protobuf_Empty__Output>
      EnumDescriptorProto: MessageTypeDefinition<_google_protobuf_EnumDescriptorProto, _google_protobuf_EnumDescriptorProto__Output>
      EnumOptions: MessageTypeDefinition<_google_protobuf_EnumOptions, _google_protobuf_EnumOptions__Output>
      EnumValueDescriptorProto: MessageTypeDefinition<_google_protobuf_EnumValueDescriptorProto, _google_protobuf_EnumValueDescriptorProto__Output>
      EnumValueOptions: MessageTypeDefinition<_google_protobuf_EnumValueOptions, _google_protobuf_EnumValueOptions__Output>
      ExtensionRangeOptions: MessageTypeDefinition<_google_protobuf_ExtensionRangeOptions, _google_protobuf_ExtensionRangeOptions__Output>
      FeatureSet: MessageTypeDefinition<_google_protobuf_FeatureSet, _google_protobuf_FeatureSet__Output>
      FeatureSetDefaults: MessageTypeDefinition<_google_protobuf_FeatureSetDefaults, _google_protobuf_FeatureSetDefaults__Output>
      FieldDescriptorProto: MessageTypeDefinition<_google_protobuf_FieldDescriptorProto, _google_protobuf_FieldDescriptorProto__Output>
      FieldOptions: MessageTypeDefinition<_google_protobuf_FieldOptions, _google_protobuf_FieldOptions__Output>
      FileDescriptorProto: MessageTypeDefinition<_google_protobuf_FileDescriptorProto, _google_protobuf_FileDescriptorProto__Output>
      FileDescriptorSet: MessageTypeDefinition<_google_protobuf_FileDescriptorSet, _google_protobuf_FileDescriptorSet__Output>
      FileOptions: MessageTypeDefinition<_google_protobuf_FileOptions, _google_protobuf_FileOptions__Output>
      FloatValue: MessageTypeDefinition<_google_protobuf_FloatValue, _google_protobuf_FloatValue__Output>
      GeneratedCodeInfo: MessageTypeDefinition<_google_protobuf_GeneratedCodeInfo, _google_protobuf_GeneratedCodeInfo__Output>
      Int32Value: MessageTypeDefinition<_google_protobuf_Int32Value, _google_protobuf_Int32Value__Output>
      Int64Value: MessageTypeDefinition<_google_protobuf_Int64Value, _google_protobuf_Int64Value__Output>
      ListValue: MessageTypeDefinition<_google_protobuf_ListValue, _google_protobuf_ListValue__Output>
      MessageOptions: MessageTypeDefinition<_google_protobuf_MessageOptions, _google_protobuf_MessageOptions__Output>
      MethodDescriptorProto: MessageTypeDefinition<_google_protobuf_MethodDescriptorProto, _google_protobuf_MethodDescriptorProto__Output>
      MethodOptions: MessageTypeDefinition<_google_protobuf_MethodOptions, _google_protobuf_MethodOptions__Output>
      NullValue: EnumTypeDefinition
      OneofDescriptorProto: MessageTypeDefinition<_google_protobuf_OneofDescriptorProto, _google_protobuf_OneofDescriptorProto__Output>
      OneofOptions: MessageTypeDefinition<_google_protobuf_OneofOptions, _google_protobuf_OneofOptions__Output>
      ServiceDescriptorProto: MessageTypeDefinition<_google_protobuf_ServiceDescriptorProto, _google_protobuf_ServiceDescriptorProto__Output>
      ServiceOptions: MessageTypeDefinition<_google_protobuf_ServiceOptions, _google_protobuf_ServiceOptions__Output>
      SourceCodeInfo: MessageTypeDefinition<_google_protobuf_SourceCodeInfo, _google_protobuf_SourceCodeInfo__Output>
      StringValue: MessageTypeDefinition<_google_protobuf_StringValue, _google_protobuf_StringValue__Output>
      Struct: MessageTypeDefinition<_google_protobuf_Struct, _google_protobuf_Struct__Output>
      SymbolVisibility: EnumTypeDefinition
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
      UInt32Value: MessageTypeDefinition<_google_protobuf_UInt32Value, _google_protobuf_UInt32Value__Output>
      UInt64Value: MessageTypeDefinition<_google_protobuf_UInt64Value, _google_protobuf_UInt64Value__Output>
      UninterpretedOption: MessageTypeDefinition<_google_protobuf_UninterpretedOption, _google_protobuf_UninterpretedOption__Output>
      Value: MessageTypeDefinition<_google_protobuf_Value, _google_protobuf_Value__Output>
    }
    rpc: {
      Status: MessageTypeDefinition<_google_rpc_Status, _google_rpc_Status__Output>
    }
    type: {
      LatLng: MessageTypeDefinition<_google_type_LatLng, _google_type_LatLng__Output>
    }
  }
}

